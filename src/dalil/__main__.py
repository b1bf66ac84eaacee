from dalil.cli import main

main()
