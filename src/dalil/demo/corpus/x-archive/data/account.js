window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "monitor@example.org",
      "createdVia" : "web",
      "username" : "coastwatch_sy",
      "accountId" : "1510000000000000042",
      "createdAt" : "2022-04-11T08:21:40.000Z",
      "accountDisplayName" : "Coast Watch (Syria)"
    }
  }
]
