# Hawdd ei Ddeall: ydy cyfiawnder adferol yn addas i mi? Un syniad ym mhob brawddeg.
easy-read-is-it-right-title = Ydy e'n addas i mi?
easy-read-is-it-right-lead = Dim ond **chi** all ddewis. Gall y dudalen hon eich helpu chi i feddwl am y peth.
easy-read-is-it-right-choice = **Chi sy'n dewis**.

    Does neb yn gallu **gwneud i chi** gymryd rhan.
easy-read-is-it-right-no =
    Gallwch chi **ddweud na**.

    Gallwch chi ofyn amdano eto **yn nes ymlaen**.
easy-read-is-it-right-stop =
    Gallwch chi **stopio ar unrhyw adeg**.

    Gallwch chi **newid eich meddwl**.
easy-read-is-it-right-time =
    Cymerwch eich **amser**.

    Does dim **brys**.
easy-read-is-it-right-safe =
    Mae'r person sy'n helpu yn gwirio ei bod hi'n **ddiogel** yn gyntaf.

    Os nad yw'n ddiogel, **fydd e ddim yn digwydd**.
easy-read-is-it-right-admit =
    Rhaid i'r person wnaeth y drosedd ddweud: **'Fi wnaeth hyn.'**

    Rhaid iddyn nhw **fod eisiau cymryd rhan** hefyd.
easy-read-is-it-right-think = Pethau i feddwl amdanyn nhw
easy-read-is-it-right-tell =
    Oes rhywbeth rydych chi am ei **ddweud wrthyn nhw**?
easy-read-is-it-right-ask =
    Oes gennych chi **gwestiynau** iddyn nhw? Dim ond nhw sy'n gwybod yr atebion.
easy-read-is-it-right-how =
    Hoffech chi **gwrdd** â nhw? Neu hoffech chi **ysgrifennu**?
easy-read-is-it-right-who =
    Pwy hoffech chi ei gael **gyda chi**?
easy-read-is-it-right-helper =
    Gallwch chi **siarad â'r person sy'n helpu** cyn i chi ddewis.
easy-read-is-it-right-danger-heading = Os ydych chi mewn perygl
easy-read-is-it-right-danger =
    Ydych chi mewn **perygl** nawr?

    Ffoniwch [999](tel:999).
