assert null == false; 1
