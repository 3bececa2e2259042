[ "héllo" "日本語" "emoji 🎉" "\u00e9" ]
