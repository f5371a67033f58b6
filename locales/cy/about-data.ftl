about-data-title = Am y data
about-data-lead = Mae'r wefan hon yn defnyddio data agored i ddod o hyd i'ch ardal heddlu. Mae'n gwneud hyn ar ein gweinydd ein hunain. Dydy'ch cod post ddim yn cael ei anfon i unman.
about-data-intro = Mae'r data yn dangos ym mha gyngor mae pob cod post. Mae pob cyngor mewn un ardal heddlu.
about-data-sources =
    - Codau post: <en>OS Code-Point Open</en>, gan yr Arolwg Ordnans, Ebrill 2025. Mae'n rhestru pob cod post sy'n cael ei ddefnyddio ym Mhrydain Fawr, a'i gyngor.
    - Hen godau post a rhai newydd: rhestr yr ONS o bob cod post (yr NSPD), Tachwedd 2025. Mae'n cynnwys hen godau post nad ydyn nhw'n cael eu defnyddio mwyach. Mae'n cynnwys rhai newydd hefyd.
    - Trefi a phentrefi: dwy restr gan GeoNames. Mae rhestr <en>cities500</en> yn cynnwys lleoedd lle mae dros 500 o bobl yn byw, a rhestr <en>cities1000</en> y rhai lle mae dros 1,000. Maen nhw'n rhydd i'w defnyddio o dan eu trwydded, CC BY 4.0. Rydyn ni'n cysylltu pob lle â chyngor y cod post agosaf ato.
    - Lleoedd nad ydyn nhw ar restrau GeoNames, fel <en>Corfe Mullen</en> yn Dorset: rydyn ni'n ychwanegu ambell un â llaw, gyda'i gyngor. Rydyn ni'n cymryd eu henwau o restr yr ONS o ardaloedd adeiledig.
    - Cynghorau ac ardaloedd heddlu: tabl gan y Swyddfa Ystadegau Gwladol (ONS). Mae'n dangos ym mha ardal heddlu mae pob cyngor.
    .heading = O ble mae'r data'n dod
about-data-licence =
    Rydyn ni'n defnyddio'r data o dan y Drwydded Llywodraeth Agored v3.0. Mae'r drwydded yn gofyn i ni ddangos y testun hwn:

    Yn cynnwys data'r Arolwg Ordnans © Hawlfraint y Goron a hawl cronfa ddata 2025. Yn cynnwys data'r Post Brenhinol © hawlfraint a hawl cronfa ddata'r Post Brenhinol 2025. Yn cynnwys data GeoPlace © hawlfraint a hawl cronfa ddata <en>Local Government Information House Limited</en> 2025. Yn cynnwys data Ystadegau Gwladol © Hawlfraint y Goron a hawl cronfa ddata 2025. Ffynhonnell: y Swyddfa Ystadegau Gwladol, wedi'i thrwyddedu o dan y Drwydded Llywodraeth Agored v.3.0.
    .heading = Trwydded a chydnabyddiaeth
