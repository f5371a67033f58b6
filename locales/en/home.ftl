home-title = Restorative justice: help after a crime
home-lead = This site explains restorative justice in England and Wales. It helps you find your local service and ask them to contact you.
home-emergency = In an emergency, call 999.
