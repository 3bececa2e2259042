__true
