-- wrk script: POST a complete referral, each with its own token (a new request each).
local tokens = {}
for line in io.lines(os.getenv("RJ_TOKENS")) do tokens[#tokens + 1] = line end
local counter = 0
local threads = 0
-- `thread_id` is set per thread by setup() as a global of that thread.

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local answers = "&action=send&area=south-wales&relationship=harmed&full_name=Bench+Person" ..
  "&contact_method=phone&phone=01632+960+001&voicemail_ok=no&say_rj_ok=no&contact_language=en" ..
  "&reported=yes&responsible_under_18=no&consent=yes&message=Benchmark+message"

request = function()
  counter = counter + 1
  local token = tokens[((counter * 2 + thread_id) % #tokens) + 1]
  return wrk.format("POST", "/refer", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }, "token=" .. token .. answers)
end
