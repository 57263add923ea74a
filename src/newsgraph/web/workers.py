"""``newsgraph serve --workers N``: N uvicorn processes that share the open connections
evenly.

uvicorn's own ``--workers`` gives every process the one listening socket and lets each
accept what it can: the process that wakes first takes every connection waiting (its
event loop accepts until the queue is empty), so 50 clients that connect at once split
41 / 9, 29 / 21, 34 / 16 between two processes (docs/scale.md, session 17). Keep-alive
clients stay where they landed, so the busier process's clients wait for longer turns
and set the p99. Here every worker still listens on the same socket, but accepts a
connection only while it holds no more open connections than any other worker (a table
in shared memory, one number a worker), or fewer than its fair share of those open and
waiting (so a burst is taken in one turn of its loop); the others leave it to that
worker and look again a moment later. A worker that has not taken a waiting connection
within ``GRACE_S`` (hung, or not scheduled) no longer holds the others back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import struct
import threading
import time
from collections.abc import Callable
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE

logger = logging.getLogger("uvicorn.error")

# a worker that may not accept yet looks at the queue again after RETRY_S; it accepts
# anyway once the connection has waited GRACE_S
RETRY_S = 0.002
GRACE_S = 0.2
# the count of a worker that is not (yet) serving: never the smallest
ABSENT = 1 << 30

# connections one look may accept before the loop's other work
BURST = 64
# Linux: a listening socket's TCP_INFO holds its accept queue's length where a
# connection's holds its unacknowledged segments (struct tcp_info's tcpi_unacked)
TCP_INFO_QUEUE = struct.Struct("24xI")

_spawn = multiprocessing.get_context("spawn")
multiprocessing.allow_connection_pickling()  # the listening socket goes to each worker


def waiting(sock: socket.socket) -> int:
    """Connections waiting in ``sock``'s accept queue (Linux); 0 where not known."""
    if not hasattr(socket, "TCP_INFO"):
        return 0
    try:
        info = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
        return int(TCP_INFO_QUEUE.unpack_from(info)[0])
    except (OSError, struct.error):
        return 0


class Acceptor:
    """Accepts the connections of one listening socket for one worker, one at a time,
    while the worker's open connections are at most the fewest of any worker's;
    ``close`` and ``wait_closed`` as an asyncio server has them (uvicorn's shutdown)."""

    def __init__(
        self,
        sock: socket.socket,
        protocol: Callable[[], asyncio.Protocol],
        open_now: Callable[[], int],
        table: Any,
        slot: int,
    ) -> None:
        self.sock, self.protocol, self.open_now = sock, protocol, open_now
        self.table, self.slot = table, slot
        self.opening = 0  # accepted, not yet handed to the protocol
        self.loop = asyncio.get_running_loop()
        self.waiting_since: float | None = None
        self.last_look = 0.0
        self.retry: asyncio.TimerHandle | None = None
        self.tasks: set[asyncio.Task[None]] = set()
        self.closed = False
        sock.setblocking(False)
        self.loop.add_reader(sock.fileno(), self._ready)

    def publish(self) -> int:
        """This worker's open connections, written to its place in the table."""
        mine = self.open_now() + self.opening
        self.table[self.slot] = mine
        return mine

    def may_accept(self, now: float) -> bool:
        """Whether this worker is among those with the fewest connections, or below its
        fair share of the connections open and waiting (a burst is taken in one turn of
        the loop, not one connection a turn), or a waiting connection has been left to
        the others for ``GRACE_S``."""
        mine = self.publish()
        counts = [c for c in self.table[:] if c != ABSENT]
        share = -(-(sum(counts) + waiting(self.sock)) // max(1, len(counts)))
        if mine <= min(counts, default=0) or mine < share:
            self.waiting_since = None
            return True
        if self.waiting_since is None or now - self.last_look > 4 * RETRY_S + 0.05:
            self.waiting_since = now  # a new connection waiting (not one seen before)
        self.last_look = now
        if now - self.waiting_since >= GRACE_S:
            self.waiting_since = None
            return True
        return False

    def _ready(self) -> None:
        for _ in range(BURST):
            if self.closed:
                return
            if not self.may_accept(time.monotonic()):
                self._pause(RETRY_S)
                return
            try:
                conn, _ = self.sock.accept()
            except (BlockingIOError, InterruptedError):
                return  # none left, or another worker took it
            except OSError as exc:  # out of file descriptors, say: wait, as asyncio does
                logger.error("accept failed: %s", exc)
                self._pause(1.0)
                return
            conn.setblocking(False)
            with contextlib.suppress(OSError):
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.opening += 1
            self.publish()
            task = self.loop.create_task(self._serve(conn))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def _serve(self, conn: socket.socket) -> None:
        try:
            await self.loop.connect_accepted_socket(self.protocol, conn)
        except Exception as exc:  # noqa: BLE001 - a connection that fails to start ends
            logger.warning("connection not started: %s", exc)
            conn.close()
        finally:
            self.opening -= 1

    def _pause(self, seconds: float) -> None:
        self.loop.remove_reader(self.sock.fileno())
        self.retry = self.loop.call_later(seconds, self._resume)

    def _resume(self) -> None:
        self.retry = None
        if not self.closed:
            self.loop.add_reader(self.sock.fileno(), self._ready)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.retry is not None:
            self.retry.cancel()
        self.loop.remove_reader(self.sock.fileno())
        self.table[self.slot] = ABSENT

    async def wait_closed(self) -> None:
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)


class BalancedServer(uvicorn.Server):
    """A uvicorn server for one worker process: its listening sockets accepted through
    an ``Acceptor`` instead of the event loop's own server."""

    def __init__(self, config: uvicorn.Config, table: Any, slot: int) -> None:
        super().__init__(config)
        self.table, self.slot = table, slot
        self.acceptors: list[Acceptor] = []

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the app's lifespan; no server of its own
        config = self.config

        def protocol() -> asyncio.Protocol:
            return config.http_protocol_class(  # type: ignore[call-arg]
                config=config, server_state=self.server_state, app_state=self.lifespan.state
            )

        def open_now() -> int:
            return len(self.server_state.connections)

        self.acceptors = [
            Acceptor(sock, protocol, open_now, self.table, self.slot) for sock in sockets or []
        ]
        self.servers = self.acceptors  # type: ignore[assignment]

    async def on_tick(self, counter: int) -> bool:
        for acceptor in self.acceptors:  # closed connections leave the count here too
            if not acceptor.closed:
                acceptor.publish()
        return await super().on_tick(counter)


def _work(config: uvicorn.Config, sock: socket.socket, table: Any, slot: int) -> None:
    """A worker process: one ``BalancedServer`` on the shared socket."""
    config.configure_logging()
    with contextlib.suppress(KeyboardInterrupt):
        BalancedServer(config, table, slot).run(sockets=[sock])


def run_workers(config: uvicorn.Config, workers: int) -> None:
    """Bind ``config``'s address once and run ``workers`` processes on it, each a
    ``BalancedServer``; a worker that dies is started again (one that fails at startup
    stops the whole server, as uvicorn's supervisor does). SIGINT or SIGTERM stops them."""
    sock = config.bind_socket()
    sock.listen(config.backlog)  # bound, not listening yet (an event loop's server would)
    table = _spawn.RawArray("i", [ABSENT] * workers)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())

    def start(slot: int) -> Any:
        table[slot] = ABSENT
        process = _spawn.Process(target=_work, args=(config, sock, table, slot))
        process.start()
        return process

    processes = [start(slot) for slot in range(workers)]
    logger.info("Started parent process [%d]", os.getpid())
    try:
        while not stop.wait(0.5):
            for slot, process in enumerate(processes):
                if process.is_alive():
                    continue
                process.join()
                if process.exitcode == STARTUP_FAILURE:
                    logger.error("Child process [%s] failed to start", process.pid)
                    stop.set()
                    break
                logger.info("Child process [%s] died", process.pid)
                processes[slot] = start(slot)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(30)
            if process.is_alive():
                process.kill()
        sock.close()
