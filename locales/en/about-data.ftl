about-data-title = About the data
about-data-lead = This site uses open data to find your police area. It does this on our own server. Your postcode is not sent anywhere.
about-data-intro = The data shows which council each postcode is in. Each council is in one police area.
about-data-sources =
    - Postcodes: OS Code-Point Open, from Ordnance Survey, April 2025. It lists each postcode in use in Great Britain, and its council.
    - Old and new postcodes: the ONS list of all postcodes (the NSPD), November 2025. It has old postcodes that are no longer used. It has new ones too.
    - Towns and villages: two GeoNames lists. The cities500 list has places with over 500 people, and the cities1000 list those with over 1,000. They are free to use under their licence, CC BY 4.0. We give each place the council of its nearest postcode.
    - Places missing from the GeoNames lists, such as Corfe Mullen in Dorset: we add a few by hand, with their council. We take their names from the ONS list of built-up areas.
    - Councils and police areas: a table from the Office for National Statistics (ONS). It shows which police area each council is in.
    .heading = Where the data comes from
about-data-licence =
    We use the data under the Open Government Licence v3.0. The licence asks us to show this text:

    Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Contains GeoPlace data © Local Government Information House Limited copyright and database right 2025. Contains National Statistics data © Crown copyright and database right 2025. Source: Office for National Statistics licensed under the Open Government Licence v.3.0.
    .heading = Licence and attribution
