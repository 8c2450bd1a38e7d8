# No [output] name: the default 部门名称-年度 comes from a department named with a
# '/'.  The message points at the '/' in the department line and says to set
# [output] name.
sed -i 's|^department = 测试市示例局$|department = 测试市/示例局|' config.ini
