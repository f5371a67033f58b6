accessibility-title = Datganiad hygyrchedd
accessibility-lead = Rydyn ni eisiau i bawb allu defnyddio'r wefan hon, pa ddyfais neu help bynnag maen nhw'n ei ddefnyddio.
accessibility-intro = { $operator } sy'n rhedeg y wefan hon. Mae'r datganiad hwn yn ymdrin â phob tudalen ohoni, yn Gymraeg ac yn Saesneg.
accessibility-how-accessible =
    Dylech chi allu:

    - chwyddo hyd at 400% heb i'r testun fynd oddi ar y sgrin
    - defnyddio'r wefan gyfan gyda bysellfwrdd yn unig
    - defnyddio'r wefan gyfan gyda darllenydd sgrin
    - defnyddio'r wefan gyfan gyda JavaScript wedi'i ddiffodd
    - darllen pob tudalen yn Gymraeg neu yn Saesneg

    Rydyn ni'n ysgrifennu mewn iaith glir ac yn cadw tudalennau'n fyr.
    .heading = Sut gallwch chi ddefnyddio'r wefan hon
accessibility-tested =
    Ein nod yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) 2.2 ar lefel AA.

    Bob tro rydyn ni'n newid y wefan, mae profion awtomatig yn gwirio pob tudalen yn y ddwy iaith. Maen nhw'n defnyddio'r gwirydd <en>axe-core</en>. Maen nhw hefyd yn gwirio bod pob tudalen yn gweithio gyda bysellfwrdd a gyda JavaScript wedi'i ddiffodd.
    .heading = Sut gwnaethon ni brofi'r wefan hon
accessibility-limits =
    Dydyn ni ddim yn gwybod am unrhyw ran o'r wefan sy'n methu WCAG 2.2 AA. All profion awtomatig ddim dod o hyd i bob problem. Dydy'r wefan ddim wedi cael ei phrofi eto gan bobl anabl na gan arbenigwr. Rydyn ni'n bwriadu gwneud hyn.
    .heading = Problemau rydyn ni'n gwybod amdanyn nhw
accessibility-report =
    Os dewch chi o hyd i broblem, neu os oes angen tudalen arnoch chi mewn fformat arall, cysylltwch â ni ar { $contact }. Dywedwch wrthon ni beth yw cyfeiriad gwe'r dudalen a beth yw'r broblem.
    .heading = Rhoi gwybod am broblem
accessibility-enforcement =
    Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gorfodi'r rheolau hygyrchedd. Os nad ydych chi'n hapus â'n hateb, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).
    .heading = Os nad ydych chi'n hapus â'n hateb
