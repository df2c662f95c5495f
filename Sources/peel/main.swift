import PeelCLI

Peel.main()
