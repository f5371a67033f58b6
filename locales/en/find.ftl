find-title = Find your local service
find-lead = Find the restorative justice service for a police area in England and Wales, and how to contact it.
find-label = Where did the crime happen?
find-hint = Enter a postcode, town, council or police area, for example CF10 1AA, Cardiff or South Wales. We do not keep what you type.
find-button = Find
find-all-areas = Or choose from the list of all police areas
find-results-heading = Your local service
find-your-area = Your police area is { $area }.
find-matches-heading = Places that match
find-candidates-heading = Choose your police area
find-share = about { $percent }% of postcodes here
find-see-area = See { $area } police area
lookup-spans = Most of { $place } is in { $first }. Part of it is in { $rest }. Enter your full postcode to be sure.
lookup-spans-scotland = Most of { $place } is in { $first }. Part of it is in Scotland. Enter your full postcode to be sure.
lookup-spans-several = Most of { $place } is in { $first }. Part of it is in { $rest }. Enter your full postcode to be sure.
lookup-spans-and-scotland = Most of { $place } is in { $first }. Part of it is in { $rest }, and part in Scotland. Enter your full postcode to be sure.
lookup-spans-several-and-scotland = Most of { $place } is in { $first }. Part of it is in { $rest }, and part in Scotland. Enter your full postcode to be sure.
lookup-not-live = We could not find the postcode { $place }. It may be new or no longer used. This answer is for { $part }.
lookup-terminated = The postcode { $place } is no longer used, or it is very new. It is in { $area }.
lookup-outside-scotland = This site covers England and Wales only. Scotland has its own justice system and its own services. Victim Support Scotland can help you there.
lookup-outside-northern-ireland = This site covers England and Wales only. Northern Ireland has its own justice system and its own services. Victim Support NI can help you there.
lookup-outside-isle-of-man = This site covers England and Wales only. The Isle of Man has its own justice system and its own services.
lookup-outside-channel-islands = This site covers England and Wales only. The Channel Islands have their own justice systems and their own services.
lookup-outside-bfpo = A BFPO address is for the armed forces abroad, so it has no police area. Enter the postcode of where you live, or where the crime happened.
lookup-not-found = We could not find { $place }. Check it, or choose your police area from the list.
lookup-several = Several places match. Choose yours.
lookup-near-boundary = { $place } is near the edge of { $area }. To be sure, enter your postcode.
lookup-no-match = We could not find a place called "{ $query }". Try your postcode, or choose your police area from the list.
lookup-invalid = Enter a postcode, like CF10 1AA, or the name of your council or police area.
areas-title = Police areas
areas-lead = There are 43 police areas in England and Wales. Choose one to see its restorative justice service and how to contact it.
areas-england = England
areas-wales = Wales
area-councils-heading = Councils in this area
area-service-heading = Restorative justice service
area-phone = Phone
area-website = Website
area-not-found-title = Police area not found
find-usually = Your service is usually the one for the area where the crime was reported or happened. This may not be where you live. If you are not sure, you can also search for where you live.
area-usually = The service is usually the one for the area where the crime was reported or happened. This may not be where you live.
area-no-service = We have not found a restorative justice service for { $area }. You can still ask for restorative justice in the ways below.
area-commissioner = Who commissions victim services here
area-commissioner-pcc = { $area } Police and Crime Commissioner
area-youth-service = For cases where the person responsible was under 18.
area-email = Email
area-eligibility = Who it is for
area-national-heading = Other ways to ask for restorative justice
area-national-police = Ask the police officer or the witness care unit dealing with your case. Under the Victims' Code, they can refer you to restorative justice services.
area-national-victim-support = Call Victim Support's Supportline. It is free and open 24 hours a day:
area-national-why-me = Why me? is a national restorative justice charity. It can help when a local service cannot take your case:
area-checked-heading = How up to date this is
area-checked-on = We checked these details with the service on { $date }.
area-not-checked = Nobody has checked these details with the service yet.
area-facts-from = They come from public web pages. The newest is from { $date }.
area-facts-undated = They come from public web pages that have no date.
area-sources = Where these details come from
area-report = Tell us if something here is wrong or out of date
area-report-subject = Out-of-date details: { $area }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
area-provider = Run by
area-no-adult-service = We have not found a restorative justice service for { $area } that takes cases where the person responsible was 18 or over. For those, you can still ask in the ways below.
area-rj-page = The commissioner's page about restorative justice
area-rj-page-english = The commissioner's page about restorative justice
# How sure we are of a service's details: one sentence, from the research's confidence
# (high: an official page says so; medium: old, indirect or third-party sources; low:
# only indirect or old sources) and whether the operator has checked them with the service.
service-sure = { $checked ->
    [yes] We checked these details with the service on { $date }.
   *[no] { $confidence ->
        [high] We are fairly sure of these details, as an official page gives them, but we have not checked them with the service.
        [medium] We are not fully sure of these details, as our sources are old or indirect, and we have not checked them with the service.
       *[low] We are not sure of these details, as we found only old or indirect sources, and we have not checked them with the service.
    }
}
lookup-near-boundary-article = { $place } is near the edge of { $area }. To be sure, enter your postcode.
lookup-corrected = Showing results for { $name }.
lookup-did-you-mean = We could not find that name. Did you mean one of these?
lookup-region = This covers more than one police area. Choose yours.
# For "England" or "Lloegr": a long list follows, so the postcode comes first.
lookup-region-england =
    { $count ->
        [one] England has one police area.
       *[other] England has { $count } police areas.
    } Enter your postcode to find yours, or choose it from this list.
find-matched = Results for { $matched }
