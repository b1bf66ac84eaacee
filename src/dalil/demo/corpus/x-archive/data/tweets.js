window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1897989000000000101" ], "editableUntil" : "2025-03-07T07:10:11.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ { "text" : "Baniyas", "indices" : [ "53", "61" ] } ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [ { "id_str" : "1897989000000000900", "type" : "photo", "media_url_https" : "https://pbs.twimg.com/media/GlQs7XcAA1demo.jpg", "url" : "https://t.co/dEm0ph0t01", "expanded_url" : "https://x.com/coastwatch_sy/status/1897989000000000101/photo/1", "display_url" : "pic.x.com/dEm0ph0t01" } ]
      },
      "extended_entities" : {
        "media" : [ { "id_str" : "1897989000000000900", "type" : "photo", "media_url_https" : "https://pbs.twimg.com/media/GlQs7XcAA1demo.jpg", "url" : "https://t.co/dEm0ph0t01", "expanded_url" : "https://x.com/coastwatch_sy/status/1897989000000000101/photo/1", "display_url" : "pic.x.com/dEm0ph0t01" } ]
      },
      "favorite_count" : "412",
      "id_str" : "1897989000000000101",
      "retweet_count" : "388",
      "created_at" : "Fri Mar 07 06:10:11 +0000 2025",
      "favorited" : false,
      "full_text" : "Heavy gunfire since dawn in the southern neighbourhoods of #Baniyas. Residents say armed men are going house to house in al-Qusour. https://t.co/dEm0ph0t01",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ { "name" : "Sahel Voice", "screen_name" : "sahel_voice", "id_str" : "1420000000000000007" } ],
        "urls" : [ ]
      },
      "favorite_count" : "0",
      "id_str" : "1898004000000000202",
      "retweet_count" : "0",
      "created_at" : "Fri Mar 07 07:12:40 +0000 2025",
      "favorited" : false,
      "full_text" : "RT @sahel_voice: Families in al-Qusour are hiding in basements. We cannot reach them by phone since 6am. Please share.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ { "url" : "https://t.co/q7NwsDesk1", "expanded_url" : "https://twitter.com/newsdesk_coast/status/1898121000000000303", "display_url" : "twitter.com/newsdesk_coast…" } ]
      },
      "favorite_count" : "97",
      "id_str" : "1898130000000000304",
      "retweet_count" : "51",
      "created_at" : "Fri Mar 07 15:31:02 +0000 2025",
      "favorited" : false,
      "full_text" : "This says the operation targeted only armed men. Every account we have from al-Qusour describes civilians taken from their homes. https://t.co/q7NwsDesk1",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ { "name" : "Sahel Voice", "screen_name" : "sahel_voice", "id_str" : "1420000000000000007" } ],
        "urls" : [ ]
      },
      "in_reply_to_status_id_str" : "1898290000000000405",
      "in_reply_to_user_id_str" : "1420000000000000007",
      "in_reply_to_screen_name" : "sahel_voice",
      "favorite_count" : "3",
      "id_str" : "1898300000000000406",
      "retweet_count" : "0",
      "created_at" : "Sat Mar 08 02:45:19 +0000 2025",
      "favorited" : false,
      "full_text" : "@sahel_voice Do you have the names? We are compiling a list with the families and will share it with documentation groups.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : { "hashtags" : [ { "text" : "جبلة" } ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] },
      "favorite_count" : "210",
      "id_str" : "1898480000000000507",
      "retweet_count" : "175",
      "created_at" : "Sat Mar 08 14:02:55 +0000 2025",
      "favorited" : false,
      "full_text" : "مصادر محلية: مقتل ما لا يقل عن عشرين مدنياً في قرى ريف #جبلة مساء أمس، وإحراق عدد من المنازل بعد نهبها.",
      "lang" : "ar"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ { "name" : "Levant Wire", "screen_name" : "levantwire", "id_str" : "1300000000000000011" } ],
        "urls" : [ ]
      },
      "favorite_count" : "0",
      "id_str" : "1898620000000000608",
      "retweet_count" : "0",
      "created_at" : "Sun Mar 09 00:20:31 +0000 2025",
      "favorited" : false,
      "full_text" : "RT @levantwire: Gunmen kill at least 14 in Baniyas district, residents say; hospital source says 20 still missing",
      "lang" : "en"
    }
  }
]
