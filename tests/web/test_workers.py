"""``newsgraph serve --workers 2`` shares the open connections evenly between its
processes (``web.workers``): with uvicorn's own workers the process that woke first
took every connection waiting, and 50 keep-alive clients split 41 / 9."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.web.workers import ABSENT, GRACE_S, RETRY_S, Acceptor, waiting

HOST = "127.0.0.1"


class Held(asyncio.Protocol):
    """A connection that stays open until the test ends."""

    def __init__(self, opened: list[asyncio.Transport]) -> None:
        self.opened = opened

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.opened.append(transport)


def _worker(
    sock: socket.socket, table: list[int], slot: int, opened: list, ready: threading.Event
) -> tuple[threading.Thread, list[asyncio.AbstractEventLoop]]:
    loops: list[asyncio.AbstractEventLoop] = []

    def run() -> None:
        loop = asyncio.new_event_loop()
        loops.append(loop)

        async def main() -> None:
            Acceptor(sock, lambda: Held(opened), lambda: len(opened), table, slot)
            table[slot] = 0
            ready.set()
            await asyncio.sleep(3600)

        with contextlib.suppress(RuntimeError):
            loop.run_until_complete(main())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, loops


def test_two_acceptors_on_one_socket_take_turns() -> None:
    """Two event loops accept from one listening socket; 30 clients that connect at once
    end 15 and 15, though one loop would have taken them all."""
    listener = socket.create_server((HOST, 0), backlog=128)
    port = listener.getsockname()[1]
    table = [ABSENT, ABSENT]
    opened: list[list[asyncio.Transport]] = [[], []]
    loops = []
    for slot in (0, 1):
        ready = threading.Event()
        _, got = _worker(listener, table, slot, opened[slot], ready)
        assert ready.wait(5)
        loops += got
    clients = [socket.create_connection((HOST, port)) for _ in range(30)]
    deadline = time.monotonic() + 5
    while len(opened[0]) + len(opened[1]) < 30 and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        assert sorted([len(opened[0]), len(opened[1])]) == [15, 15]
    finally:
        for c in clients:
            c.close()
        for loop in loops:
            loop.call_soon_threadsafe(loop.stop)
        listener.close()


def test_a_worker_that_does_not_accept_holds_no_one_back() -> None:
    """A worker with fewer connections that never takes the waiting one (hung, say) leaves
    it to the others after ``GRACE_S``."""

    class Fake(Acceptor):
        def __init__(self) -> None:  # only the bookkeeping of ``may_accept``
            self.sock = socket.socket()  # no connection waiting
            self.table, self.slot, self.opening = [3, 0], 0, 0
            self.open_now = lambda: 3
            self.waiting_since, self.last_look = None, 0.0

    fake = Fake()
    looks = [100.0 + k * RETRY_S for k in range(int(GRACE_S / RETRY_S) + 3)]
    answers = [fake.may_accept(now) for now in looks]  # a look every RETRY_S
    first = answers.index(True)  # 3 open against 0: left to the other until GRACE_S
    assert GRACE_S - 1e-9 <= looks[first] - looks[0] <= GRACE_S + RETRY_S
    assert not fake.may_accept(200.0)  # a new connection waiting: left again
    fake.table[1] = 3
    assert fake.may_accept(200.001)  # as few as any: accepts at once
    fake.sock.close()


def test_a_burst_is_taken_in_one_look() -> None:
    """Two idle workers and 20 connections waiting: the first to look takes its fair
    share, 10, at once (one a turn of its loop would leave the last clients waiting for
    as many turns), and none beyond it."""
    listener = socket.create_server((HOST, 0), backlog=128)
    clients = [socket.create_connection(listener.getsockname()) for _ in range(20)]
    time.sleep(0.2)
    assert waiting(listener) == 20
    table = [0, 0]
    opened: list[asyncio.Transport] = []

    async def look() -> None:
        acceptor = Acceptor(listener, lambda: Held(opened), lambda: len(opened), table, 0)
        acceptor.loop.remove_reader(listener.fileno())
        acceptor._ready()  # one look
        await asyncio.sleep(0.1)
        acceptor.close()
        taken.append(len(opened))
        for t in opened:
            t.close()

    taken: list[int] = []
    try:
        asyncio.run(look())
        assert taken == [10] and waiting(listener) == 10
    finally:
        for c in clients:
            c.close()
        listener.close()


def _established(pid: int, port: int) -> int:
    """Open TCP connections of process ``pid`` on local port ``port`` (Linux /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                local_port = int(fields[1].rsplit(":", 1)[1], 16)
                if local_port == port and fields[3] == "01" and fields[9] in inodes:
                    count += 1
    return count


@contextlib.contextmanager
def _serving(db: str, port: int) -> Iterator[int]:
    exe = Path(sys.executable).parent / "newsgraph"
    cmd = [str(exe), "serve", "--db", db, "--host", HOST, "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, "newsgraph serve exited"
            with contextlib.suppress(OSError), socket.create_connection((HOST, port), 1) as s:
                s.sendall(f"GET /api/stats HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
                if s.recv(12).startswith(b"HTTP/1.1 200"):
                    break
            assert time.monotonic() < deadline, "newsgraph serve did not start"
            time.sleep(0.2)
        yield server.pid
    finally:
        server.terminate()
        server.wait(30)


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="counts sockets in /proc")
def test_serve_with_two_workers_splits_connections_evenly(tmp_path: Path) -> None:
    """40 keep-alive clients that connect at once to ``serve --workers 2`` land 20 and 20
    (uvicorn's workers: as unevenly as 33 / 7), and every one is answered."""
    from webdata import build_db

    db = build_db(tmp_path / "news.db")
    with socket.socket() as s:
        s.bind((HOST, 0))
        port = s.getsockname()[1]
    with _serving(db, port) as pid:
        # both workers up: each answers a request of its own connection
        time.sleep(1.0)
        clients = [socket.create_connection((HOST, port)) for _ in range(40)]
        try:
            for c in clients:
                c.sendall(f"GET /api/stats HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
            for c in clients:
                c.settimeout(30)
                assert c.recv(12).startswith(b"HTTP/1.1 200")
            kids = [
                int(k)
                for t in Path(f"/proc/{pid}/task").iterdir()
                for k in (t / "children").read_text().split()
                if b"resource_tracker" not in Path(f"/proc/{k}/cmdline").read_bytes()
            ]
            counts = sorted(_established(k, port) for k in kids)
            assert sum(counts) == 40
            assert counts[-1] - counts[0] <= 2, counts
        finally:
            for c in clients:
                c.close()
