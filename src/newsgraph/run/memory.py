"""Give the memory a batch freed back to the operating system.

Python frees a long text's copies (the decoded bytes, the cleaned lines, the repaired
text) as soon as the reader, the cleaner and the fingerprint are done with them, but
glibc's ``malloc`` keeps most of what it frees in the process: a large block freed
raises its threshold for handing blocks straight back (``mmap``), so later copies of
the same size come from the heap, and a heap whose top is still in use is never
shrunk. After a 5,000,000-character text that kept about 50 MB resident under the
sentence encoder loaded next (issue 12). ``malloc_trim(0)`` returns every free page
of the heap (its middle included) to the kernel; it takes well under a millisecond.
Elsewhere than glibc (musl, macOS) it does nothing.

``map_large_blocks`` goes further for a process that stays up (the server): glibc raises
its threshold for ``mmap`` up to 32 MB each time a mapped block is freed, after which a
long text's copies (a 10 MB ``str``, a list of 835,000 words) and the parser's arrays
come from the heap and leave it fragmented, so the resident size grows with each
phase even though little is alive. With the threshold fixed (``mallopt``), a block of
that size or more that no free chunk of the heap can hold is mapped on its own and
unmapped when freed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache
from typing import Any

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
MAP_LARGE_BLOCKS = 256 * 1024


@lru_cache(maxsize=4)
def _libc_function(name: str) -> Any:
    library = ctypes.util.find_library("c")
    if not library:
        return None
    try:
        return getattr(ctypes.CDLL(library), name, None)
    except OSError:
        return None


def _trim() -> Any:
    return _libc_function("malloc_trim")


def release_memory() -> bool:
    """Return the free pages of the C heap to the kernel (glibc); False where that is
    not available."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True


@lru_cache(maxsize=1)
def map_large_blocks(threshold: int = MAP_LARGE_BLOCKS) -> bool:
    """From now on serve C allocations of ``threshold`` bytes or more that the heap's
    free chunks cannot hold with their own mapping, handed back to the kernel when freed
    (glibc ``mallopt(M_MMAP_THRESHOLD)``, which also stops the threshold from rising);
    False where that is not available. Done once per process."""
    mallopt = _libc_function("mallopt")
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, threshold))
