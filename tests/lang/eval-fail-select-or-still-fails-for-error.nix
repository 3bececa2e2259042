{ a = throw "errors in the set value are not caught by or"; }.a.b or 1
