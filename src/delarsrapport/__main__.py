"""``python -m delarsrapport`` runs the command line."""

from delarsrapport._cli import main

raise SystemExit(main())
