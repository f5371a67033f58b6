not-found-title = Heb ddod o hyd i'r dudalen
not-found-check = Os gwnaethoch chi deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir.
not-found-home = Mynd i'r hafan
