"""Pages rendered in forked workers (and by this process, its share) equal pages rendered one by one."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from csto_digest import render_pages
from csto_digest.config import Config
from csto_digest.render import render_site
from factories import sample_corpus


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="forked workers need fork")
@pytest.mark.parametrize("cores", [2, 3])
def test_forked_render_gives_the_same_site(monkeypatch, cores):
    articles, groups = sample_corpus()
    one_by_one = render_site(articles, groups, Config())
    monkeypatch.setattr(render_pages, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(render_pages, "CHUNK", 2)
    monkeypatch.setattr(render_pages.os, "cpu_count", lambda: cores)
    forked = render_site(articles, groups, Config())
    assert list(forked) == list(one_by_one)
    assert forked == one_by_one


class _Spec:
    def __init__(self, n: int, alone: bool = False):
        self.n, self.template, self.make, self.alone = n, "page.html", None, alone


class _Renderer:
    """Renders page n as b"page n". In a worker, a page in `failing` raises and one in `dying` kills the worker.

    This process waits for a worker to start before it renders anything, so the
    workers' share of the pages is never zero, however slowly they start."""

    def __init__(self, failing=(), dying=()):
        self.env = type("Env", (), {"get_template": staticmethod(lambda name: None)})()
        self.failing, self.dying = set(failing), set(dying)
        self.worker_started = multiprocessing.get_context("fork").Event()

    def render(self, spec):
        if multiprocessing.parent_process() is None:
            self.worker_started.wait(30)
            return f"page {spec.n}".encode()
        self.worker_started.set()
        if spec.n in self.failing:
            raise ValueError(f"template broke on page {spec.n}")
        if spec.n in self.dying:
            os._exit(9)  # killed outright, as the out-of-memory killer would
        return f"page {spec.n}".encode()


forking = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="forked workers need fork")


def _forked(monkeypatch, cores=2, renew=2):
    monkeypatch.setattr(render_pages, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(render_pages, "CHUNK", 3)
    monkeypatch.setattr(render_pages, "RENEW", renew)
    monkeypatch.setattr(render_pages.os, "cpu_count", lambda: cores)


@forking
@pytest.mark.parametrize("cores", [2, 4])
def test_every_page_comes_once_with_its_position_while_workers_are_renewed(monkeypatch, cores):
    _forked(monkeypatch, cores, renew=1)
    specs = [_Spec(n) for n in range(50)]
    done: list[int] = []
    got = list(render_pages.render_pages(_Renderer(), specs, done.append))
    assert sorted(got) == [(n, f"page {n}".encode()) for n in range(50)]
    assert done[-1] == 50 and done == sorted(done)


@forking
def test_pages_marked_alone_are_rendered_here_after_every_other_page(monkeypatch):
    _forked(monkeypatch, cores=3, renew=1)
    alone = {4, 17, 18, 49}
    specs = [_Spec(n, alone=n in alone) for n in range(50)]
    got = list(render_pages.render_pages(_SaysWhere(), specs))
    here = {position for position, page in got if page.endswith(b" here")}
    assert sorted(p for p, _ in got) == list(range(50))
    assert all(page.startswith(f"page {p} ".encode()) for p, page in got)
    assert [p for p, _ in got[-len(alone) :]] == sorted(alone)
    assert alone <= here
    assert len(here) < len(got)  # the workers did render the rest


class _SaysWhere(_Renderer):
    """Each page names whether this process or a worker rendered it."""

    def render(self, spec):
        page = super().render(spec)
        return page + (b" here" if multiprocessing.parent_process() is None else b" forked")


@forking
def test_an_error_in_a_worker_is_raised_here(monkeypatch):
    _forked(monkeypatch)
    specs = [_Spec(n) for n in range(40)]
    with pytest.raises(ValueError, match="template broke on page"):
        list(render_pages.render_pages(_Renderer(failing=range(40)), specs))


@forking
def test_a_worker_killed_outright_stops_the_render_with_a_clear_error(monkeypatch):
    _forked(monkeypatch)
    specs = [_Spec(n) for n in range(40)]
    with pytest.raises(RuntimeError, match="worker died"):
        list(render_pages.render_pages(_Renderer(dying=range(40)), specs))


class _Counting(_Renderer):
    """Counts the pages workers have rendered, in memory they share with this process."""

    def __init__(self):
        super().__init__()
        self.by_workers = multiprocessing.get_context("fork").Value("q", 0)
        self.here = 0

    def render(self, spec):
        page = super().render(spec)
        if multiprocessing.parent_process() is None:
            self.here += 1
        else:
            with self.by_workers.get_lock():
                self.by_workers.value += 1
        return page


@forking
def test_workers_wait_for_a_slow_writer_instead_of_running_ahead(monkeypatch):
    _forked(monkeypatch, cores=3, renew=100)
    monkeypatch.setattr(render_pages, "AHEAD", 1)
    renderer = _Counting()
    specs = [_Spec(n) for n in range(120)]
    most_waiting = 0
    for taken, _ in enumerate(render_pages.render_pages(renderer, specs), 1):
        time.sleep(0.005)  # a writer slower than the workers
        waiting = renderer.by_workers.value - (taken - renderer.here)
        most_waiting = max(most_waiting, waiting)
    assert renderer.by_workers.value > 0
    # AHEAD chunk for each of 2 workers, and the chunk being taken (its place is free once it is taken), 3 pages each
    assert most_waiting <= (1 * 2 + 1) * 3, most_waiting


class _Heavy(_Renderer):
    """Pages of 200 KB that take 5 ms, naming the process that rendered them: a chunk is more than
    a pipe holds, so a worker is still sending (alive) when this process has read its last chunk."""

    def render(self, spec):
        page = super().render(spec)
        time.sleep(0.005)
        return page + f" by {os.getpid()} ".encode() + b"x" * 200_000


@forking
def test_a_worker_that_retires_is_replaced_while_this_process_renders_its_own_chunks(monkeypatch):
    _forked(monkeypatch, cores=2, renew=1)
    specs = [_Spec(n) for n in range(60)]
    by = {page.split(b" ")[3] for _, page in render_pages.render_pages(_Heavy(), specs)}
    workers = by - {str(os.getpid()).encode()}
    # Each worker renders one chunk (renew=1), so more than one means they were replaced.
    assert len(workers) >= 3, workers


class _SlowHere(_Renderer):
    """Pages take 20 ms in this process and none in a worker; each names who rendered it."""

    def render(self, spec):
        page = super().render(spec)
        here = multiprocessing.parent_process() is None
        if here:
            time.sleep(0.02)
        return page + (b" here" if here else b" worker")


@forking
def test_workers_chunks_are_handed_over_between_the_pages_of_a_slow_chunk_rendered_here(monkeypatch):
    _forked(monkeypatch, cores=2, renew=100)
    monkeypatch.setattr(render_pages, "AHEAD", 1)
    got = list(render_pages.render_pages(_SlowHere(), [_Spec(n) for n in range(90)]))
    chunk = render_pages.CHUNK
    where: dict[int, list[int]] = {}  # chunk rendered here -> where its pages came in the stream
    for turn, (position, page) in enumerate(got):
        if page.endswith(b"here"):
            where.setdefault(position // chunk, []).append(turn)
    # Worker pages came between the pages of one chunk rendered here: the worker did not wait for its end.
    assert any(turns[-1] - turns[0] >= len(turns) for turns in where.values()), got
    assert sorted(position for position, _ in got) == list(range(90))
