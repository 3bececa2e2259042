<this-does-not-exist-anywhere>
