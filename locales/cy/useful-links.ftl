useful-links-title = Dolenni defnyddiol
useful-links-lead = Grwpiau eraill a all ddweud mwy wrthych chi am gyfiawnder adferol a'ch hawliau.
useful-links-intro = Mae'r dolenni hyn yn mynd i wefannau eraill. Nid ni sy'n eu rhedeg. Efallai mai yn Saesneg yn unig y bydd rhai ohonyn nhw.
useful-links-organisations =
    - [Restorative Justice Council](https://www.restorativejustice.org.uk/): y corff cenedlaethol ar gyfer cyfiawnder adferol.
    - [Cymorth i Ddioddefwyr](https://www.victimsupport.org.uk/): help am ddim i unrhyw un sydd wedi dioddef trosedd.
    - [Wales Restorative Approaches Partnership](https://www.restorativewales.org.uk/) (WRAP): gwaith adferol yng Nghymru.
    - [Why me?](https://why-me.org/) (Pam Fi?): elusen sy'n helpu dioddefwyr i gymryd rhan mewn cyfiawnder adferol.
    - [Gwasanaeth Erlyn y Goron](https://www.cps.gov.uk/): mae ganddo ganllawiau cyfreithiol ar gyfiawnder adferol.
    - [GOV.UK](https://www.gov.uk/): chwiliwch am "Cod Dioddefwyr" i ddarllen y Cod yn llawn.
    .heading = Grwpiau a all helpu
