"""Development tools, never shipped with the product: local fakes of Resend and the SMS gateway (tests,
benchmarks, trying the app without sending anything) and the benchmarks behind `ats bench`."""
