"""``python -m vn_directives`` runs the command line."""

from .cli import app

app(prog_name="vn-directives")
