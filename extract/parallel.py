"""A long document's pages read in depth on two cores: a forked child reads every other page.

The extraction already runs in a child process with a time and a memory limit (extract/isolation.py);
that process is daemonic, so `multiprocessing` may not start children from it: a plain `fork` does.
The page reader's child inherits the same memory limit and dies with its parent (PR_SET_DEATHSIG), so
a document stopped at its time limit leaves nothing behind. It reads the file through a descriptor of
its own (the parent's offset is not shared) and sends back what it read; whatever goes wrong in it
(killed, out of memory) only makes the parent read those pages itself.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
from collections.abc import Callable

# Fewer pages to read in depth than this are read in one process: forking and sending the words back
# cost more than half of so few pages.
MIN_PAGES_TO_SPLIT = 12
PAGE_PROCESSES = 2
_PR_SET_PDEATHSIG = 1


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _die_with_parent(parent: int) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the isolation's time limit still ends the parent
        pass
    if os.getppid() != parent:  # the parent was stopped before the signal was asked for
        os._exit(1)


def _own_descriptor(path: str, fileno: int) -> None:
    """The file opened again under the same descriptor number: the child's reads move its own offset."""
    fd = os.open(path, os.O_RDONLY)
    os.dup2(fd, fileno)
    os.close(fd)


def read_split(numbers: list[int], read: Callable[[int], object], path: str | None, fileno: int | None) -> dict[int, object]:
    """`read(number)` for every page number, on two cores when there are enough pages and cores: a
    child reads every other page while this process reads the rest. `read` returns what to keep
    (pickled back from the child), exceptions included as values."""
    if path is None or fileno is None or len(numbers) < MIN_PAGES_TO_SPLIT or _cores() < PAGE_PROCESSES or not hasattr(os, "fork"):
        return {number: read(number) for number in numbers}
    theirs, mine = numbers[1::2], numbers[0::2]
    receiver, sender = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: read, send, leave without running the parent's clean-up
        status = 1
        try:
            os.close(receiver)
            _die_with_parent(parent)
            _own_descriptor(path, fileno)
            payload = pickle.dumps({number: read(number) for number in theirs}, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(sender, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(sender)
    read_here = {number: read(number) for number in mine}
    with os.fdopen(receiver, "rb") as incoming:
        payload = incoming.read()
    _, status = os.waitpid(pid, 0)
    read_there: dict[int, object] = {}
    if status == 0:
        try:
            read_there = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a truncated answer: read those pages here
            read_there = {}
    for number in theirs:
        read_here[number] = read_there[number] if number in read_there else read(number)
    return read_here
