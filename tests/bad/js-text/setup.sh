# js_text.csv names a 项目 it does not know, gives one twice and leaves a
# 内容 empty: each at its cell.
bash "$ROOT/tests/data/js_minimal.sh"
printf '项目,内容\n事业收益,技术服务收入\n绩效管理制度,《测试办法》\n绩效管理制度,《另一办法》\n绩效管理工作机制,\n' >input/js/js_text.csv
