# register
