"""``python -m cleantext`` runs the command-line tool."""

from cleantext.cli import main

if __name__ == "__main__":
    main()
