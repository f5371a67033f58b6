# Easy Read: the list of Easy Read pages, and the words every Easy Read page shares.
# Easy Read: one idea in each sentence, everyday words, key words in **bold**.
# The header link on every standard page, and on the Easy Read pages back to the standard one.
frame-easy-read = Easy Read
frame-standard = Standard version
# The browser tab title of an Easy Read page.
easy-read-page-title = { $page } (Easy Read)
easy-read-more = More Easy Read
easy-read-all = All Easy Read pages
easy-read-standard = Read the standard page. It has more words.

easy-read-title = Easy Read
easy-read-lead = These pages use **easy words** and **pictures**.
easy-read-about =
    They are about **restorative justice**.

    This is a way to deal with harm from a **crime**.
easy-read-help =
    You can ask someone you **trust** to read them with you.
easy-read-pages = Pick a page
