not-found-title = Page not found
not-found-check = If you typed the web address, check it is correct.
not-found-home = Go to the home page
