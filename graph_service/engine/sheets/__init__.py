"""Power-list spreadsheets (权力清单) as tables: columns, citations, the change they make.

Everything here is pure: the service reads the files into ``Grid``s and writes the workbooks; this
package finds the header, maps 编办's column names, parses 设定依据 and plans the change set.
"""
