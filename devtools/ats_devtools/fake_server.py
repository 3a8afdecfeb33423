"""What the local fakes of outside services (Resend, the SMS gateway) share: a threaded HTTP server on
127.0.0.1 that their request handlers reach state through, started and stopped from tests or a shell."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeHttpServer(ThreadingHTTPServer):
    """The server; handlers find the fake's state at self.server.state."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, handler: type[BaseHTTPRequestHandler], state):
        super().__init__(address, handler)
        self.state = state


class LocalFake:
    """start() binds (port 0: a free one) and serves in a daemon thread; stop() frees the port; usable as a
    context manager. Subclasses set handler and thread_name and keep their state in self._state."""

    handler: type[BaseHTTPRequestHandler]
    thread_name = "local-fake"

    def __init__(self, state, port: int = 0, host: str = "127.0.0.1"):
        self.host, self.port = host, port
        self._state = state
        self._server: FakeHttpServer | None = None
        self._thread: threading.Thread | None = None

    def start(self):
        """Bind and serve in a daemon thread; returns self."""
        self._server = FakeHttpServer((self.host, self.port), self.handler, self._state)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name=self.thread_name,
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = self._thread = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()
