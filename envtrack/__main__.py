from envtrack.launch import main

main()
