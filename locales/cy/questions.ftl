questions-title = Cwestiynau y mae pobl yn eu gofyn
questions-lead = Atebion byr i'r cwestiynau y mae pobl yn eu gofyn amlaf. Gall hwylusydd ddweud mwy wrthych chi.
questions-meet =
    Na fydd. Gallwch chi gymryd rhan heb gwrdd. Gallech chi anfon llythyr, recordiad neu fideo. Neu all yr hwylusydd drosglwyddo negeseuon rhyngoch chi. Darllenwch y dudalen [Ffyrdd y gall ddigwydd](page:ways).
    .heading = Fydd rhaid i mi gwrdd â nhw?
questions-safe =
    Mae hwylusydd hyfforddedig yn gwirio ei bod yn ddiogel cyn i ddim byd fynd yn ei flaen. Mae'n cwrdd â phob person ar wahân yn gyntaf. Os nad yw'n ddiogel, fydd e ddim yn digwydd.
    .heading = Ydy e'n ddiogel?
questions-change-mind =
    Gallwch. Gallwch chi stopio ar unrhyw adeg, hyd yn oed ar y diwrnod. Does dim rhaid i chi roi rheswm.
    .heading = Alla i newid fy meddwl?
questions-cost =
    Nac ydy. Mae cyfiawnder adferol am ddim.
    .heading = Ydy e'n costio rhywbeth?
questions-bring-someone =
    Gallwch. Gallwch chi ddod â ffrind, aelod o'r teulu neu weithiwr cymorth. Dywedwch wrth yr hwylusydd pwy hoffech chi ei gael gyda chi.
    .heading = Alla i ddod â rhywun gyda fi?
questions-prison =
    Gall cyfiawnder adferol ddigwydd o hyd. Gall ddigwydd tra bo'r person yn y carchar. Bydd yr hwylusydd yn dweud wrthych chi beth sy'n bosibl.
    .heading = Beth os ydyn nhw yn y carchar?
questions-not-reported =
    Gallwch chi gael cymorth o hyd. Gallwch chi gysylltu â gwasanaethau cymorth eich hun, hyd yn oed os na wnaethoch chi roi gwybod i'r heddlu am y drosedd.
    .heading = Beth os na wnes i roi gwybod i'r heddlu?
questions-address =
    Ddylai gwasanaeth cyfiawnder adferol ddim rhoi eich cyfeiriad na'ch manylion cyswllt i'r person a wnaeth niwed i chi. Gofynnwch i'r hwylusydd sut bydd yn cadw eich manylion yn ddiogel.
    .heading = Fyddan nhw'n cael gwybod fy nghyfeiriad?
questions-family =
    Gall. Gall aelodau o deulu rhywun a gafodd ei niweidio gymryd rhan. Mae hyn yn cynnwys teuluoedd pobl sydd wedi marw.
    .heading = All aelod o'r teulu gymryd rhan?
questions-court =
    Os oes achos llys, dydy cyfiawnder adferol ddim yn cymryd ei le. Y llys sy'n dal i benderfynu ar y dyfarniad a'r ddedfryd.
    .heading = Fydd e'n newid yr achos llys?
questions-how-long =
    Gall gymryd ychydig wythnosau neu lawer o fisoedd. Mae paratoi yn cymryd cyhyd ag sydd ei angen arnoch chi. Darllenwch y dudalen [Beth sy'n digwydd, gam wrth gam](page:what-happens).
    .heading = Faint o amser mae'n ei gymryd?
questions-not-ready =
    Mae hynny'n iawn. Does dim terfyn amser. Gallwch chi holi am gyfiawnder adferol nawr neu ymhen blynyddoedd.
    .heading = Beth os nad ydw i'n barod eto?
questions-young =
    Os oedd y person a wnaeth niwed i chi o dan 18 oed, mae'r gwasanaeth cyfiawnder ieuenctid yn rhan o'r broses. Bydd yn dweud wrthych chi am gyfiawnder adferol.
    .heading = Beth os oedd y person o dan 18 oed?
questions-who-runs =
    Mae gwasanaethau lleol yn cael eu rhedeg gan wahanol grwpiau ym mhob ardal heddlu. Gall pwy sy'n talu amdanyn nhw newid. Mae'r wefan hon yn eich helpu i ddod o hyd i'r gwasanaeth ar gyfer eich ardal chi.
    .heading = Pwy sy'n rhedeg gwasanaethau cyfiawnder adferol?
questions-elsewhere =
    Mae'r wefan hon yn ymdrin â Chymru a Lloegr yn unig. Mae gan yr Alban a Gogledd Iwerddon eu systemau cyfiawnder a'u gwasanaethau eu hunain. Os digwyddodd y drosedd yno, gall <en>Victim Support Scotland</en> neu <en>Victim Support NI</en> eich helpu chi.
    .heading = Beth am yr Alban a Gogledd Iwerddon?
