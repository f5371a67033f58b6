useful-links-title = Dolenni defnyddiol
useful-links-lead = Grwpiau eraill a all ddweud mwy wrthych chi am gyfiawnder adferol a'ch hawliau.
useful-links-intro = Mae'r dolenni hyn yn mynd i wefannau eraill. Nid ni sy'n eu rhedeg. Efallai mai yn Saesneg yn unig y bydd rhai ohonyn nhw.
useful-links-organisations =
    - <en>[Restorative Justice Council](https://www.restorativejustice.org.uk/)</en>: y corff cenedlaethol ar gyfer cyfiawnder adferol.
    - [Cymorth i Ddioddefwyr](https://www.victimsupport.org.uk/): help am ddim i unrhyw un sydd wedi dioddef trosedd.
    - <en>[Wales Restorative Approaches Partnership](https://www.restorativewales.org.uk/) (WRAP)</en>: gwaith adferol yng Nghymru.
    - <en>[Why me?](https://why-me.org/)</en> (Pam Fi?): elusen sy'n helpu dioddefwyr i gymryd rhan mewn cyfiawnder adferol.
    - [Gwasanaeth Erlyn y Goron](https://www.cps.gov.uk/): mae ganddo ganllawiau cyfreithiol ar gyfiawnder adferol.
    - <en>[GOV.UK](https://www.gov.uk/)</en>: chwiliwch am "Cod Dioddefwyr" neu <en>"Victims' Code"</en> i ddarllen y Cod yn llawn.
    .heading = Grwpiau a all helpu
