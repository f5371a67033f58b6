safe-online-title = Cadw'n ddiogel ar-lein
safe-online-lead = Os oes rhywun yn edrych ar eich ffôn neu'ch cyfrifiadur, gall y camau hyn eich helpu i ddefnyddio'r wefan hon yn fwy diogel.
safe-online-intro = Does dim un cam yn berffaith. Os ydych chi'n meddwl bod rhywun yn gwylio beth rydych chi'n ei wneud, defnyddiwch ddyfais na allan nhw ei chyrraedd, fel ffôn ffrind neu gyfrifiadur mewn llyfrgell.
safe-online-exit =
    Mae botwm **Gadael y dudalen** ar frig pob tudalen. Mae'n mynd â chi'n syth i dudalen tywydd y BBC. Ar gyfrifiadur, gallwch chi hefyd bwyso'r fysell <en>Shift</en> 3 gwaith.

    Mae'n:

    - mynd â chi oddi ar y wefan hon yn gyflym
    - dileu'r atebion a roesoch chi ar y ffurflen, fel na all y botwm Yn ôl eu dangos eto
    - atal y botwm Yn ôl rhag dod â chi'n ôl i'r dudalen roeddech chi arni, os yw JavaScript ymlaen yn eich porwr

    Dydy e ddim yn:

    - atal y botwm Yn ôl rhag dod â chi'n ôl i'r wefan hon, os yw JavaScript wedi'i ddiffodd (bydd eich atebion wedi mynd o hyd)
    - dileu hanes eich porwr
    - cuddio tudalennau eraill o'r wefan hon y buoch chi arnyn nhw cyn hynny
    - cuddio eich bod wedi bod ar y wefan hon rhag rhywun sy'n edrych ar eich hanes
    .heading = Beth mae'r botwm Gadael y dudalen yn ei wneud
safe-online-private =
    Mae gan y rhan fwyaf o borwyr fodd preifat. Efallai mai pori preifat neu incognito yw'r enw arno. Pan fyddwch chi'n cau ffenestr breifat, mae'r porwr yn anghofio'r tudalennau y buoch chi arnyn nhw ynddi.

    Chwiliwch amdano yn newislen eich porwr. Yn aml, "Ffenestr breifat newydd" neu "Tab incognito newydd" yw'r enw arno (yn Saesneg: <en>"New private window"</en> neu <en>"New incognito tab"</en>).
    .heading = Defnyddio pori preifat
safe-online-history =
    Os na wnaethoch chi ddefnyddio pori preifat, gallwch chi ddileu'r tudalennau o'ch hanes. Yn y rhan fwyaf o borwyr:

    1. Agorwch ddewislen neu osodiadau'r porwr.
    2. Dewch o hyd i "Hanes" (yn Saesneg: <en>"History"</en>).
    3. Dilëwch y tudalennau o'r wefan hon, neu gliriwch yr hanes diweddar.

    Gallai dileu eich holl hanes wneud rhywun yn amheus. Gallech chi ddileu'r tudalennau o'r wefan hon yn unig.
    .heading = Clirio hanes eich porwr
safe-online-devices =
    - Allgofnodwch o gyfrifon ar ffonau, tabledi a chyfrifiaduron sy'n cael eu rhannu.
    - Gwiriwch nad yw eich e-bost, eich negeseuon a'ch lluniau yn cael eu rhannu â dyfais arall.
    - Newidiwch gyfrineiriau y gallai rhywun arall eu gwybod.
    - Gwiriwch a yw eich ffôn yn rhannu eich lleoliad â rhywun.
    - Os ydych chi'n gofyn i wasanaeth gysylltu â chi, dywedwch a yw'n ddiogel iddyn nhw adael neges.
    .heading = Dyfeisiau a chyfrifon sy'n cael eu rhannu
