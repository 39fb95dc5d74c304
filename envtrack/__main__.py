from envtrack.cli import main

main()
