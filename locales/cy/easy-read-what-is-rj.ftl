# Hawdd ei Ddeall: beth yw cyfiawnder adferol. Un syniad ym mhob brawddeg; geiriau allweddol mewn **print trwm**.
easy-read-what-is-rj-title = Beth yw cyfiawnder adferol?
easy-read-what-is-rj-lead = Mae'r dudalen hon yn dweud wrthych chi beth yw **cyfiawnder adferol**.
easy-read-what-is-rj-talk =
    Mae trosedd wedi gwneud **niwed** i chi.

    Mae **cyfiawnder adferol** yn gadael i chi gysylltu â'r person a wnaeth hynny.
easy-read-what-is-rj-helper =
    Mae rhywun yn eich **helpu** chi o'r dechrau i'r diwedd.

    Mae wedi cael **hyfforddiant**. **Hwylusydd** yw'r enw ar y person hwn.
easy-read-what-is-rj-hurt =
    Gallwch chi ddweud wrth y person sut mae'r drosedd wedi eich **brifo** chi.
easy-read-what-is-rj-ask =
    Gallwch chi **ofyn cwestiynau** iddyn nhw.

    Er enghraifft: pam wnaethoch chi hyn?
easy-read-what-is-rj-admit =
    Rhaid i'r person ddweud: **'Fi wnaeth hyn.'**

    Rhaid iddyn nhw **fod eisiau cymryd rhan** hefyd.
easy-read-what-is-rj-repair =
    Efallai y byddwch chi'n **cytuno** sut y gallan nhw **wneud pethau'n iawn**.
easy-read-what-is-rj-ways = Ffyrdd o'i wneud
easy-read-what-is-rj-meet =
    Gallwch chi **gwrdd** wyneb yn wyneb.

    Yn gyntaf, byddwch chi'n cwrdd â'r person sy'n helpu heb neb arall. Mae'n eich helpu chi i fod yn **barod**.
easy-read-what-is-rj-letter =
    Does dim rhaid i chi gwrdd.

    Gallwch chi anfon **llythyr**.
easy-read-what-is-rj-video =
    Gallwch chi anfon **neges wedi'i recordio** neu **fideo**.
easy-read-what-is-rj-messages =
    Neu all y person sy'n helpu **fynd â negeseuon** rhyngoch chi.
easy-read-what-is-rj-more = Pethau i'w gwybod
easy-read-what-is-rj-when =
    Gall ddigwydd ar **unrhyw adeg**.

    Gall hyn fod cyn neu ar ôl yr **achos llys**. Gall fod pan fydd y person yn y **carchar**.
easy-read-what-is-rj-choice = **Chi sy'n dewis**.

    Gallwch chi **stopio** ar unrhyw adeg.
easy-read-what-is-rj-less-crime =
    Mae **ymchwil** yn dangos ei fod yn gweithio. Mae pobl a wnaeth drosedd yn gwneud **llai o droseddau** wedyn.
easy-read-what-is-rj-code =
    Gall pob dioddefwr trosedd yng **Nghymru a Lloegr** ofyn amdano.

    Mae'n un o'ch hawliau yn y **Cod Dioddefwyr**.
