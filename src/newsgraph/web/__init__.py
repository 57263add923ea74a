"""The web layer: a FastAPI app with a JSON API under ``/api/`` and server-rendered pages.

Build it with :func:`create_app`; ``newsgraph serve`` runs it with uvicorn.
"""

from newsgraph.web.app import create_app

__all__ = ["create_app"]
