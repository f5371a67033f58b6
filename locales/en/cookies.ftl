cookies-title = Cookies
cookies-lead = This site does not use cookies.
cookies-intro =
    Cookies are small files that websites put on your phone or computer. We do not use any.

    We do not use analytics or tracking. We do not load anything from other websites.
cookies-browser =
    Your browser may still keep a record of the pages you visit on this site. See [staying safe online](page:safe-online) to find out how to remove it.
    .heading = Your browser's history
