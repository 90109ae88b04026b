"""`python -m marsad …` runs the command line, so a checkout can be run without installing it."""

from marsad.cli import main

main()
