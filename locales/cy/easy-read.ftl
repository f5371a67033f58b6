# Hawdd ei Ddeall: rhestr y tudalennau Hawdd ei Ddeall, a'r geiriau sydd ar bob un.
# Hawdd ei Ddeall: un syniad ym mhob brawddeg, geiriau bob dydd, geiriau allweddol mewn **print trwm**.
# Y ddolen ym mhennyn pob tudalen arferol, ac ar y tudalennau Hawdd ei Ddeall yn ôl i'r un arferol.
frame-easy-read = Hawdd ei Ddeall
frame-standard = Fersiwn arferol
# Teitl tab y porwr ar dudalen Hawdd ei Ddeall.
easy-read-page-title = { $page } (Hawdd ei Ddeall)
easy-read-more = Tudalennau Hawdd ei Ddeall eraill
easy-read-all = Pob tudalen Hawdd ei Ddeall
easy-read-standard = Darllenwch y dudalen arferol. Mae mwy o eiriau arni.

easy-read-title = Hawdd ei Ddeall
easy-read-lead = Mae'r tudalennau hyn yn defnyddio **geiriau hawdd** a **lluniau**.
easy-read-about =
    Maen nhw'n sôn am **gyfiawnder adferol**.

    Mae'n ffordd o ddelio â'r niwed mae **trosedd** yn ei wneud.
easy-read-help =
    Gallwch chi ddarllen y tudalennau hyn gyda rhywun arall. Dewiswch rywun rydych chi'n **ymddiried** ynddo.
easy-read-pages = Dewiswch dudalen
