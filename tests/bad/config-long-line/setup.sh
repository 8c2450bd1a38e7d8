# A department name of 70 characters (210 bytes): longer than the 198 bytes
# inih reads; it must be refused, not cut silently.
name=$(printf '测%.0s' $(seq 70))
sed -i "s/^department = .*/department = $name/" config.ini
