# The frame around every page.
site-name = Restorative justice help
# The browser tab title: the page, then the site.
page-title = { $page } – { $site }
frame-skip-link = Skip to main content
frame-exit = Exit this page
frame-exit-hint = Or press Shift 3 times
frame-footer-heading = Support links
frame-run-by = This site is run by { $operator }.
# A count of police areas.
area-count =
    { $count ->
        [one] One police area
       *[other] { $count } police areas
    }
frame-nav-label = Main sections
# The button that opens the main sections on a narrow screen.
frame-menu = Menu
nav-about-rj = About restorative justice
nav-find = Find your local service
nav-rights = Your rights
nav-questions = Questions
nav-help-now = Help now
# Parts of information pages.
content-contents = Contents
content-related = Related pages
