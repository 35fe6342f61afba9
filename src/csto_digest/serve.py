"""`csto-digest serve`: the site on 127.0.0.1, rebuilt when its sources change.

It uses the same incremental build as `csto-digest build`. Changes are found
by polling file times (no watcher dependency); open pages reload themselves
through a small script the server adds to HTML it serves (never to the built
files), which asks `/__build` for the build number.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Callable
from pathlib import Path

RELOAD_SCRIPT = b"""(function () {
  var seen = null;
  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", "/__build", true);
    request.onload = function () {
      if (seen !== null && request.responseText !== seen) { location.reload(); }
      seen = request.responseText;
    };
    request.send();
  }
  setInterval(poll, 1000);
  poll();
})();
"""


def snapshot(paths: list[Path]) -> dict[str, float]:
    """Modification times of every file under `paths`."""
    times: dict[str, float] = {}
    for root in paths:
        if root.is_file():
            times[str(root)] = root.stat().st_mtime
            continue
        if root.is_dir():
            for path in root.rglob("*"):
                if path.is_file():
                    try:
                        times[str(path)] = path.stat().st_mtime
                    except OSError:
                        continue
    return times


class Watcher:
    """Calls `rebuild` whenever a file under `paths` changes; counts builds."""

    def __init__(self, paths: list[Path], rebuild: Callable[[], None], interval: float = 0.5):
        self.paths, self.rebuild, self.interval = paths, rebuild, interval
        self.build_number = 0
        self._last = snapshot(paths)
        self._stop = threading.Event()

    def check_once(self) -> bool:
        current = snapshot(self.paths)
        if current == self._last:
            return False
        self._last = current
        self.rebuild()
        self.build_number += 1
        return True

    def run(self) -> None:
        while not self._stop.wait(self.interval):
            self.check_once()

    def stop(self) -> None:
        self._stop.set()


def make_handler(site: Path, watcher: Watcher) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/__build":
                return self._send(str(watcher.build_number).encode(), "text/plain")
            if self.path == "/__reload.js":
                return self._send(RELOAD_SCRIPT, "text/javascript")
            target = self.translate_path(self.path)
            if target.endswith(".html") and Path(target).is_file():
                body = Path(target).read_bytes()
                tag = b'<script src="/__reload.js"></script>'
                body = body.replace(b"</body>", tag + b"</body>", 1) if b"</body>" in body else body + tag
                return self._send(body, "text/html; charset=utf-8")
            return super().do_GET()

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # quiet: the build prints what matters
            pass

    return functools.partial(Handler, directory=str(site))  # type: ignore[return-value]


def serve(site: Path, watch: list[Path], rebuild: Callable[[], None], port: int = 8000) -> None:
    watcher = Watcher(watch, rebuild)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), make_handler(site, watcher))
    try:
        server.serve_forever()
    finally:
        watcher.stop()
        server.server_close()
        time.sleep(0)
