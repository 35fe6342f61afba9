"""Publish the built site to the Pages branch of a git repository.

`ghp-import` (the tool MkDocs' `gh-deploy` uses) writes the folder as one new
commit on the branch without touching the working tree, so the git plumbing
is not ours to get wrong.
"""

from __future__ import annotations

from pathlib import Path

from ghp_import import GhpError, ghp_import


class PublishError(Exception):
    pass


def publish_site(
    site: Path, remote: str = "origin", branch: str = "gh-pages", message: str | None = None, push: bool = True
) -> None:
    """Commit `site` as the whole content of `branch` and push it to `remote`."""
    site = site.resolve()
    if not (site / "index.html").is_file():
        raise PublishError(f"{site} has no index.html: run `csto-digest build` first")
    try:
        ghp_import(
            str(site),
            mesg=message or "Publish the CSTO digest",
            remote=remote,
            branch=branch,
            push=push,
            nojekyll=True,
            no_history=False,
        )
    except GhpError as error:
        raise PublishError(str(error).strip()) from None
