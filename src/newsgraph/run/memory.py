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
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _trim() -> Any:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None)
    except OSError:
        return None


def release_memory() -> bool:
    """Return the free pages of the C heap to the kernel (glibc); False where that is
    not available."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
