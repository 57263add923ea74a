"""A command that needs a missing extra says which one to install (NG302), never a traceback.

``sys.modules[name] = None`` makes ``import name`` raise ImportError, as if the extra
were not installed.
"""

import sys

import pytest

from newsgraph.cli.main import main
from newsgraph.errors import Code, UsageError
from newsgraph.extras import require

TEXT = "Russian President Vladimir Putin met Emmanuel Macron in the Kremlin on Monday.\n"


def run_cli(monkeypatch, capsys, *args: str) -> str:
    """``newsgraph ARGS`` as from a shell: exit status 2, the message on stderr."""
    monkeypatch.setattr(sys, "argv", ["newsgraph", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    return " ".join(capsys.readouterr().err.split())  # rich wraps long lines


def missing(monkeypatch, *modules: str) -> None:
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def test_require_returns_the_module_or_names_the_extra(monkeypatch):
    assert require("json", "web", "anything").__name__ == "json"
    missing(monkeypatch, "fastapi")
    with pytest.raises(UsageError) as info:
        require("fastapi", "web", "newsgraph serve")
    assert info.value.code is Code.MISSING_EXTRA
    assert str(info.value) == (
        "NG302: missing optional dependency: newsgraph serve needs the web extra "
        "(fastapi is not installed): pip install 'newsgraph[web]'"
    )


@pytest.mark.parametrize("module", ["fastapi", "uvicorn", "python_multipart", "plotly"])
def test_serve_without_the_web_extra(monkeypatch, capsys, tmp_path, module):
    from newsgraph.cli.serve import serve_app

    missing(monkeypatch, module)
    with pytest.raises(UsageError) as info:
        serve_app(str(tmp_path / "news.db"))
    assert info.value.code is Code.MISSING_EXTRA
    err = run_cli(monkeypatch, capsys, "serve", "--db", str(tmp_path / "news.db"))
    assert "NG302" in err and "newsgraph serve needs the web extra" in err
    assert f"({module} is not installed)" in err and "pip install 'newsgraph[web]'" in err


@pytest.mark.parametrize("module", ["ray", "pyarrow"])
def test_engine_ray_without_the_ray_extra(monkeypatch, capsys, tmp_path, module):
    from newsgraph.run.ray_engine import RayEngine

    missing(monkeypatch, module)
    with pytest.raises(UsageError) as info:
        RayEngine(workers=1)
    assert info.value.code is Code.MISSING_EXTRA
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "news.db")
    err = run_cli(monkeypatch, capsys, "ingest", str(article), "--db", db, "--engine", "ray")
    assert "NG302" in err and "--engine ray needs the ray extra" in err
    assert "pip install 'newsgraph[ray]'" in err


def test_parquet_export_without_the_parquet_extra(monkeypatch, capsys, tmp_path):
    from newsgraph.store.db import Store

    db, out = tmp_path / "news.db", tmp_path / "articles.parquet"
    Store.open(str(db)).close()
    missing(monkeypatch, "pyarrow", "pyarrow.parquet")
    err = run_cli(
        monkeypatch, capsys, "export", "--format", "parquet", "--out", str(out), "--db", str(db)
    )
    assert "NG302" in err and "export --format parquet needs the parquet extra" in err
    assert "pip install 'newsgraph[parquet]'" in err
    assert not out.exists()


@pytest.mark.parametrize("url", ["postgresql://news@localhost/news", "postgres://localhost/n"])
def test_postgresql_without_the_postgres_extra(monkeypatch, capsys, url):
    from newsgraph.store.db import Store
    from newsgraph.store.engine import make_engine

    missing(monkeypatch, "psycopg")
    with pytest.raises(UsageError) as info:
        make_engine(url)
    assert info.value.code is Code.MISSING_EXTRA
    with pytest.raises(UsageError, match="NG302"):
        Store.open(url)
    err = run_cli(monkeypatch, capsys, "stats", "--db", url)
    assert "NG302" in err and "a PostgreSQL database needs the postgres extra" in err
    assert "pip install 'newsgraph[postgres]'" in err


def test_sqlite_needs_no_extra(monkeypatch, tmp_path):
    from newsgraph.store.engine import make_engine

    missing(monkeypatch, "psycopg", "pyarrow", "ray", "fastapi")
    make_engine(str(tmp_path / "news.db")).dispose()
