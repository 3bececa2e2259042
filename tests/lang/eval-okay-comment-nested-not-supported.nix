/* outer /* inner */ 1
