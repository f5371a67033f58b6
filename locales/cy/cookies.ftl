cookies-title = Cwcis
cookies-lead = Dydy'r wefan hon ddim yn defnyddio cwcis.
cookies-intro =
    Ffeiliau bach y mae gwefannau'n eu rhoi ar eich ffôn neu'ch cyfrifiadur yw cwcis. Dydyn ni ddim yn defnyddio unrhyw rai.

    Dydyn ni ddim yn defnyddio dadansoddeg nac olrhain. Dydyn ni ddim yn llwytho dim byd o wefannau eraill.
cookies-browser =
    Efallai y bydd eich porwr yn dal i gadw cofnod o'r tudalennau y buoch chi arnyn nhw ar y wefan hon. Darllenwch y dudalen [Cadw'n ddiogel ar-lein](page:safe-online) i gael gwybod sut i'w ddileu.
    .heading = Hanes eich porwr
