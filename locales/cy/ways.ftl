ways-title = Ffyrdd y gall ddigwydd
ways-lead = Gall cyfiawnder adferol ddigwydd wyneb yn wyneb neu heb gwrdd. Chi a'r hwylusydd sy'n dewis y ffordd sy'n addas i chi.
ways-intro = Mae sawl math o gyfiawnder adferol yng Nghymru a Lloegr. Ym mhob un, mae hwylusydd yn eich tywys ac yn gwirio ei bod yn ddiogel.
ways-conference =
    Cyfarfod mewn lle diogel yw cynhadledd. Rydych chi, y person sy'n gyfrifol a'r hwylusydd yn eistedd gyda'ch gilydd. Gall pob un ohonoch ddod â rhywun i'ch cefnogi.

    Mae'r hwylusydd yn cwrdd â phob un ohonoch yn gyntaf i baratoi. Mae'n helpu pawb i siarad yn eu tro. Ar y diwedd, efallai y byddwch yn cytuno ar beth fydd y person yn ei wneud i unioni pethau.
    .heading = Cwrdd wyneb yn wyneb
ways-indirect =
    Does dim rhaid i chi gwrdd. Gallwch rannu'r hyn rydych chi am ei ddweud mewn ffyrdd eraill:

    - llythyr
    - neges wedi'i recordio
    - fideo

    Mae'r hwylusydd yn ei drosglwyddo ac yn dod ag unrhyw ateb yn ôl. Chi sy'n dewis a ydych chi eisiau ateb.
    .heading = Llythyrau, recordiadau a fideo
ways-shuttle =
    Mewn cyfryngu nôl a blaen, mae'r hwylusydd yn cario negeseuon rhyngoch chi. Does dim angen i chi fod yn yr un ystafell byth. Gall hyn fynd nôl a blaen lawer gwaith.
    .heading = Negeseuon drwy'r hwylusydd
ways-community =
    Mae cynadledda cymunedol yn dod â phobl mewn ardal at ei gilydd. Gall helpu i ddatrys problemau fel ymddygiad gwrthgymdeithasol. Gall cymdogion ac eraill a gafodd eu heffeithio i gyd gymryd rhan.
    .heading = Cynadledda cymunedol
ways-referral-order =
    Pan fydd person ifanc yn cael gorchymyn atgyfeirio gan lys, mae'n mynd at banel. Ar y panel mae staff y Gwasanaeth Cyfiawnder Ieuenctid a gwirfoddolwyr lleol hyfforddedig. Maen nhw'n siarad am yr hyn a wnaeth y person ifanc a sut i unioni pethau.

    Fel y person a gafodd ei niweidio, efallai y bydd y gwasanaeth yn gofyn i chi a hoffech chi gymryd rhan neu rannu eich barn.
    .heading = Paneli i bobl ifanc
ways-mediation =
    Mae cyfryngu yn helpu pobl mewn anghydfod i ddod i gytundeb. Caiff ei ddefnyddio'n aml rhwng cymdogion. Mae cyfryngwr yn helpu pob ochr i gael ei chlywed.
    .heading = Cyfryngu
