security-title = Rhoi gwybod am broblem ddiogelwch
security-lead = Os dewch chi o hyd i wendid yn y wefan hon, rhowch wybod i ni. Byddwn ni'n diolch i chi ac yn ei drwsio.
security-intro = { $operator } sy'n rhedeg y wefan hon. Rydyn ni eisiau i'r bobl sy'n ei defnyddio fod yn ddiogel. Mae llawer ohonyn nhw wedi cael eu niweidio gan drosedd. Rhaid i'w manylion aros yn breifat.
security-what =
    Dyma sut i gysylltu â ni: { $security_contact }. Dywedwch wrthon ni:

    - beth yw cyfeiriad gwe'r dudalen
    - beth ddaethoch chi o hyd iddo
    - sut gallwn ni weld y broblem, os gallwch chi

    Gallwch chi ysgrifennu yn Gymraeg neu yn Saesneg. Peidiwch â rhoi manylion personol neb yn eich neges.
    .heading = Sut i roi gwybod i ni
security-how =
    Byddwn ni'n ateb i ddweud bod eich neges gyda ni. Yna byddwn ni'n dweud wrthych chi beth rydyn ni'n bwriadu ei wneud. Byddwn ni'n dweud wrthych chi pan fyddwn ni wedi datrys y broblem.
    .heading = Beth sy'n digwydd nesaf
security-promise =
    Byddwn ni'n cadw eich neges yn breifat. Fyddwn ni ddim yn rhannu eich enw heb ofyn i chi yn gyntaf. Os hoffech chi, byddwn ni'n eich enwi pan fyddwn ni'n diolch i bobl.
    .heading = Ein haddewid i chi
security-not =
    Peidiwch â gwneud y pethau hyn:

    - edrych ar fanylion pobl eraill na'u newid
    - anfon ceisiadau drwy'r ffurflen i'w phrofi
    - mewngofnodi i dudalennau'r staff fel rhywun arall
    - arafu'r wefan na'i hatal rhag gweithio
    - twyllo ein staff na rhoi pwysau arnyn nhw
    - dweud wrth bobl eraill am y broblem cyn i ni ei datrys
    .heading = Beth na ddylech chi ei wneud
security-scope =
    Mae'r dudalen hon yn ymdrin â'r wefan hon. Dydy hi ddim yn ymdrin â'r gwasanaethau rydyn ni'n anfon ceisiadau atyn nhw. Mae gan bob gwasanaeth ei ffordd ei hun o roi gwybod am broblem.
    .heading = Beth mae'r dudalen hon yn ymdrin ag e
