''
  héllo
   日本
''
